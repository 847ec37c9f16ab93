package io.github.kubesignin.ui.common;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The sentence shown for a failure: the core's messages are written for people, so they are shown as they are. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        if (cause instanceof NoSuchFileException) {
            return "file not found: " + message;
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied: " + message;
        }
        if (message == null || message.isBlank()) {
            return "unexpected error (" + cause.getClass().getSimpleName() + ")";
        }
        return message;
    }
}
