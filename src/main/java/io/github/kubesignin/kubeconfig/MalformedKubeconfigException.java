package io.github.kubesignin.kubeconfig;

/** A kubeconfig that cannot be edited safely; the message names the file, the line and the reason. */
public class MalformedKubeconfigException extends RuntimeException {
    private final String sourceName;
    private final int line;
    private final String reason;

    public MalformedKubeconfigException(String sourceName, int line, String reason) {
        super(sourceName + (line > 0 ? ": line " + line : "") + ": " + reason + "; the file was left unchanged");
        this.sourceName = sourceName;
        this.line = line;
        this.reason = reason;
    }

    public String sourceName() {
        return sourceName;
    }

    /** 1-based line number, or 0 when the problem has no position. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
