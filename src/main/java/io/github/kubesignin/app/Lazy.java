package io.github.kubesignin.app;

import java.util.function.Supplier;

/**
 * Creates a value on first use only: opening the keychain costs a second that most commands never need. Subclassed
 * anonymously rather than built from a lambda, because linking the first lambda costs get-token ~10 ms at start-up.
 */
abstract class Lazy<T> implements Supplier<T> {
    private T value;

    protected abstract T create();

    @Override
    public final synchronized T get() {
        if (value == null) {
            value = create();
        }
        return value;
    }

    final synchronized boolean isCreated() {
        return value != null;
    }
}
