package dev.bitgojava.sdk;

import java.time.Duration;

/** Waits between retries. Injectable so that tests observe the waits without sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** The real sleeper: {@link Thread#sleep}, interruptible. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000));

    /** Waits for {@code duration}; throws {@link InterruptedException} when interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
