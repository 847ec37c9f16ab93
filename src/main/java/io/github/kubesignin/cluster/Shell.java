package io.github.kubesignin.cluster;

/** POSIX shell quoting for copy-and-paste command lines. */
final class Shell {
    private Shell() {
    }

    static String quote(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
