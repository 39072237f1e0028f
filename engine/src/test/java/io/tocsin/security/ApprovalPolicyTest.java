package io.tocsin.security;

import static io.tocsin.pipeline.testing.TestAlerts.alert;
import static io.tocsin.pipeline.testing.TestAlerts.message;
import static io.tocsin.pipeline.testing.TestAlerts.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.tocsin.cap.Alert;
import org.junit.jupiter.api.Test;

class ApprovalPolicyTest {
    static final String EXPIRES = "2026-11-29T18:00:00+08:00";

    @Test
    void severeAlertsWaitButTheirCancelIsPreApproved() {
        Alert severe = alert("A1", "Severe", "Immediate", EXPIRES);
        Alert cancel = message("A2", "2026-11-29T10:05:00+08:00", "Cancel", ref(severe), "Severe", "Immediate", EXPIRES);
        Alert update = message("A3", "2026-11-29T10:06:00+08:00", "Update", ref(severe), "Severe", "Immediate", EXPIRES);
        assertThat(ApprovalPolicy.SEVERE_AND_ABOVE.needsApproval(severe)).isTrue();
        assertThat(ApprovalPolicy.SEVERE_AND_ABOVE.needsApproval(update)).isTrue();
        assertThat(ApprovalPolicy.ALWAYS.needsApproval(cancel)).isFalse();
        assertThat(ApprovalPolicy.SEVERE_AND_ABOVE.needsApproval(cancel)).isFalse();
        assertThat(ApprovalPolicy.NEVER.needsApproval(severe)).isFalse();
    }
}
