package kg.borderlands;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work started on another thread. */
public final class Tasks {
    private Tasks() {}

    /**
     * Waits for {@code task} to end, whatever its outcome (its result or failure is read with {@code get} afterwards,
     * or not at all); an interrupt while waiting does not stop the wait and is restored on this thread after it.
     */
    public static void awaitQuietly(Future<?> task) {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | CancellationException e) {
                break;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }
}
