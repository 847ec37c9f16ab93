package io.github.kubesignin.app;

import java.util.function.Supplier;

/** Creates a value on first use only: opening the keychain costs a second that most commands never need. */
final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private T value;

    Lazy(Supplier<T> factory) {
        this.factory = factory;
    }

    @Override
    public synchronized T get() {
        if (value == null) {
            value = factory.get();
        }
        return value;
    }

    synchronized boolean isCreated() {
        return value != null;
    }
}
