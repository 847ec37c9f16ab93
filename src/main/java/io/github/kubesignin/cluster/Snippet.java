package io.github.kubesignin.cluster;

import java.util.List;

/**
 * A piece of configuration for the cluster admin.
 *
 * @param title      what it is
 * @param whereItGoes one line on where to put it
 * @param text       the text to copy
 * @param notes      caveats worth reading first (e.g. a localhost issuer the cluster cannot reach)
 */
public record Snippet(String title, String whereItGoes, String text, List<String> notes) {
    public Snippet {
        notes = List.copyOf(notes);
    }
}
