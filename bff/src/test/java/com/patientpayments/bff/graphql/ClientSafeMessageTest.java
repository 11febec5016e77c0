package com.patientpayments.bff.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientSafeMessageTest {

    @Test
    void astRenderingsAndJavaTypeNamesAreRemoved() {
        String raw = "Validation error (WrongType@[signIn]) : argument 'practiceHash' with value "
                + "'BooleanValue{value=true}' is not a valid 'ID' - Expected an AST type of 'StringValue' "
                + "but it was a 'LinkedHashMap' (java.util.LinkedHashMap)";
        String safe = GraphQLEndpoint.clientSafe(raw);
        assertThat(safe)
                .doesNotContain("BooleanValue{", "LinkedHashMap", "java.util")
                .contains("argument 'practiceHash'", "is not a valid 'ID'");
    }

    @Test
    void ordinaryMessagesStayReadable() {
        assertThat(GraphQLEndpoint.clientSafe("Field 'nope' in type 'Query' is undefined"))
                .isEqualTo("Field 'nope' in type 'Query' is undefined");
    }
}
