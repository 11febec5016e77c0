package com.patientpayments.bff.graphql;

import com.patientpayments.bff.emr.ConsoleDtos;
import com.patientpayments.contract.ConsolePayment;

/** Source objects of the console's GraphQL types: each carries the staff member it is resolved for. */
final class ConsoleNodes {
    private ConsoleNodes() {}

    /** {@code Console}. */
    record Root(ConsoleDtos.Staff staff) {}

    /** {@code ConsolePractice}: a practice the staff member may see, with their role. */
    record PracticeNode(ConsoleDtos.Staff staff, ConsoleDtos.Practice practice) {}

    /** {@code StaffMembership}. */
    record Membership(PracticeNode practice, String role) {}

    /** {@code ConsolePayment}; {@code payment}'s detail lists are null when it came from a page. */
    record PaymentNode(PracticeNode practice, ConsolePayment payment) {}
}
