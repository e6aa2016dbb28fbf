package kg.borderlands.serve;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A value computed on first use, once (thread-safe), then kept: lets the web layer open a build's serving
 * artifacts without reading any of them until a request needs it.
 */
public final class Lazy<T> implements Supplier<T> {
    private final Supplier<? extends T> compute;
    private volatile T value;

    private Lazy(Supplier<? extends T> compute) {
        this.compute = Objects.requireNonNull(compute, "compute");
    }

    public static <T> Lazy<T> of(Supplier<? extends T> compute) {
        return new Lazy<>(compute);
    }

    /** A value already known. */
    public static <T> Lazy<T> value(T value) {
        Lazy<T> l = new Lazy<>(() -> value);
        l.value = Objects.requireNonNull(value, "value");
        return l;
    }

    @Override
    public T get() {
        T v = value;
        if (v == null) {
            synchronized (this) {
                v = value;
                if (v == null) value = v = Objects.requireNonNull(compute.get(), "lazy value");
            }
        }
        return v;
    }
}
