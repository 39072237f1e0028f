package io.tocsin.ingress;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A well-behaved publisher posting fresh alerts in a loop on its own thread, counting what it got back, so a
 * test can assert the server kept serving it while something hostile was going on.
 */
final class GoodClient implements AutoCloseable {

    final AtomicInteger served = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;

    GoodClient(TestIngress ingress) {
        thread = new Thread(() -> {
            int n = 0;
            while (running) {
                try {
                    HttpResponse<String> r = ingress.postAlert(TestIngress.CITY_KEY,
                            TestIngress.alertJson("good-" + (n++), "Minor", "440106000000"));
                    if (r.statusCode() == 202) {
                        served.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        lastFailure.set(r.statusCode() + " " + r.body());
                    }
                } catch (Exception e) {
                    if (running) {
                        failed.incrementAndGet();
                        lastFailure.set(e.toString());
                    }
                }
            }
        }, "good-client");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
