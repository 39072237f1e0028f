package io.tocsin.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class AckDeadlinesTest {
    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void anAnswerNotInByItsDeadlineFailsWithATimeoutAndNotBefore() {
        AckDeadlines deadlines = new AckDeadlines(Duration.ofMillis(100), now::get, false);
        CompletableFuture<String> answer = deadlines.watch(new CompletableFuture<>());
        now.addAndGet(99_999_999);
        assertThat(deadlines.sweep()).isZero();
        assertThat(answer).isNotDone();
        now.addAndGet(1);
        assertThat(deadlines.sweep()).isEqualTo(1);
        Assertions.assertThatThrownBy(answer::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(deadlines.watched()).isZero();
    }

    @Test
    void answeredOnesLeaveAndAreNeverFailedEvenPastTheirDeadline() throws Exception {
        AckDeadlines deadlines = new AckDeadlines(Duration.ofMillis(100), now::get, false);
        CompletableFuture<String> first = deadlines.watch(new CompletableFuture<>());
        CompletableFuture<String> second = deadlines.watch(new CompletableFuture<>());
        first.complete("202");
        second.complete("202");
        now.addAndGet(1_000_000_000);
        assertThat(deadlines.sweep()).isZero();
        assertThat(first.get()).isEqualTo("202");
        assertThat(deadlines.watched()).isZero();
        assertThat(deadlines.watch(CompletableFuture.completedFuture("done")).isDone()).isTrue();
        assertThat(deadlines.watched()).as("an answer already in is not queued").isZero();
    }

    @Test
    void aLaterAnswerBehindAnAnsweredHeadKeepsItsOwnDeadline() {
        AckDeadlines deadlines = new AckDeadlines(Duration.ofMillis(100), now::get, false);
        CompletableFuture<String> early = deadlines.watch(new CompletableFuture<>());
        now.addAndGet(50_000_000);
        CompletableFuture<String> late = deadlines.watch(new CompletableFuture<>());
        early.complete("202");
        now.addAndGet(60_000_000); // 110 ms after the first, 60 ms after the second
        assertThat(deadlines.sweep()).isZero();
        assertThat(late).isNotDone();
        now.addAndGet(40_000_000);
        assertThat(deadlines.sweep()).isEqualTo(1);
        assertThat(late).isCompletedExceptionally();
    }

    @Test
    void theSweeperThreadFailsAnOverdueAnswerOnItsOwn() {
        try (AckDeadlines deadlines = new AckDeadlines(Duration.ofMillis(200))) {
            CompletableFuture<String> answer = deadlines.watch(new CompletableFuture<>());
            CompletableFuture<String> answered = deadlines.watch(new CompletableFuture<>());
            answered.complete("202");
            await().atMost(Duration.ofSeconds(10)).until(answer::isCompletedExceptionally);
            assertThat(answered.join()).isEqualTo("202");
        }
    }
}
