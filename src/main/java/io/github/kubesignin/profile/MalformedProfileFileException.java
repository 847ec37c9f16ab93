package io.github.kubesignin.profile;

/** The profiles file cannot be read; the message gives file, line and reason. */
public class MalformedProfileFileException extends RuntimeException {
    public MalformedProfileFileException(String message) {
        super(message);
    }
}
