// Every type here is non-null unless marked @Nullable (issue 17; NullAway checks it at compile time).
@NullMarked
package com.patientpayments.emr.api;

import org.jspecify.annotations.NullMarked;
