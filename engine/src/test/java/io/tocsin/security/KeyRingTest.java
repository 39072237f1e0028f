package io.tocsin.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    private final KeyRing ring = KeyRing.of(
            List.of(new KeyRing.KeyedPublisher(KeyHash.ofHex(KeyHash.hexOf("pub-key")),
                    new Publisher("pub", PublisherScope.unrestricted(), ApprovalPolicy.NEVER))),
            List.of(new KeyRing.KeyedOperator(KeyHash.ofKey("op-key"), new Operator("op", Set.of(OperatorRole.CANCEL)))));

    @Test
    void theRightKeyNamesItsCaller() {
        assertThat(ring.authenticate("pub-key")).hasValueSatisfying(c -> {
            assertThat(c.isPublisher()).isTrue();
            assertThat(c.name()).isEqualTo("pub");
        });
        assertThat(ring.authenticate("op-key")).hasValueSatisfying(c -> {
            assertThat(c.isOperator()).isTrue();
            assertThat(c.operator().may(OperatorRole.APPROVE)).isFalse();
        });
    }

    @Test
    void wrongEmptyOrAbsurdKeysAuthenticateNobody() {
        assertThat(ring.authenticate("pub-key ")).isEmpty();
        assertThat(ring.authenticate("PUB-KEY")).isEmpty();
        assertThat(ring.authenticate("")).isEmpty();
        assertThat(ring.authenticate(null)).isEmpty();
        assertThat(ring.authenticate("x".repeat(10_000))).isEmpty();
    }

    @Test
    void hashesAreSha256InHex() {
        // printf %s abc | sha256sum
        assertThat(KeyHash.hexOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(KeyHash.ofHex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")
                .matches(KeyHash.ofKey("abc"))).isTrue();
        assertThat(KeyHash.ofKey("abc").toString()).doesNotContain("ba7816bf8f01cfea");
    }

    @Test
    void publishersAreFoundByName() {
        assertThat(ring.publisher("pub")).isPresent();
        assertThat(ring.publisher("op")).isEmpty();
    }
}
