package io.github.kubesignin.kubeconfig;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A unified diff ({@code diff -u} format, three lines of context) of two texts, computed with Myers' algorithm on
 * lines. Used to show a dry run of a kubeconfig edit.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;
    /** Myers keeps one row per edit step; above this many cells the middle is shown as replaced wholesale. */
    private static final long MAX_TRACE_CELLS = 20_000_000L;

    private UnifiedDiff() {
    }

    private enum Kind { EQUAL, DELETE, INSERT }

    /** One line of the edit script; {@code oldPos}/{@code newPos} count the lines of each side before it. */
    private record Op(Kind kind, String line, int oldPos, int newPos) {
    }

    /** The diff, or the empty string when the texts are equal. */
    public static String diff(String oldText, String newText, String oldName, String newName) {
        if (oldText.equals(newText)) {
            return "";
        }
        List<Op> ops = editScript(lines(oldText), lines(newText));
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(oldName).append('\n');
        out.append("+++ ").append(newName).append('\n');
        int i = 0;
        while (true) {
            int firstChange = nextChange(ops, i);
            if (firstChange < 0) {
                break;
            }
            int lastChange = firstChange;
            for (int j = firstChange; j < ops.size(); j++) {
                if (ops.get(j).kind() != Kind.EQUAL) {
                    lastChange = j;
                } else if (j - lastChange > 2 * CONTEXT) {
                    break; // more than 2×context equal lines: the next change gets its own hunk
                }
            }
            int start = Math.max(firstChange - CONTEXT, 0);
            int end = Math.min(lastChange + CONTEXT + 1, ops.size());
            appendHunk(out, ops.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static int nextChange(List<Op> ops, int from) {
        for (int i = from; i < ops.size(); i++) {
            if (ops.get(i).kind() != Kind.EQUAL) {
                return i;
            }
        }
        return -1;
    }

    private static void appendHunk(StringBuilder out, List<Op> hunk) {
        int oldCount = 0;
        int newCount = 0;
        for (Op op : hunk) {
            oldCount += op.kind() != Kind.INSERT ? 1 : 0;
            newCount += op.kind() != Kind.DELETE ? 1 : 0;
        }
        out.append("@@ -").append(range(hunk.get(0).oldPos(), oldCount))
                .append(" +").append(range(hunk.get(0).newPos(), newCount)).append(" @@\n");
        for (Op op : hunk) {
            char prefix = switch (op.kind()) {
                case EQUAL -> ' ';
                case DELETE -> '-';
                case INSERT -> '+';
            };
            String line = op.line();
            if (line.endsWith("\n")) {
                out.append(prefix).append(line);
            } else {
                out.append(prefix).append(line).append("\n\\ No newline at end of file\n");
            }
        }
    }

    /** diff -u numbering: "l" for one line, "l,n" otherwise; an empty range names the line before it. */
    private static String range(int linesBefore, int count) {
        if (count == 0) {
            return linesBefore + ",0";
        }
        return count == 1 ? String.valueOf(linesBefore + 1) : (linesBefore + 1) + "," + count;
    }

    /** Lines with their terminator, so "a" and "a\n" differ as they do for diff. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static List<Op> editScript(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < prefix; i++) {
            ops.add(new Op(Kind.EQUAL, a.get(i), i, i));
        }
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        for (Op op : myers(midA, midB)) {
            ops.add(new Op(op.kind(), op.line(), op.oldPos() + prefix, op.newPos() + prefix));
        }
        for (int i = suffix; i > 0; i--) {
            ops.add(new Op(Kind.EQUAL, a.get(a.size() - i), a.size() - i, b.size() - i));
        }
        return ops;
    }

    /** Myers' greedy shortest edit script; deletions come before insertions within a change, as in diff -u. */
    private static List<Op> myers(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        boolean found = max == 0;
        for (int d = 0; d <= max && !found; d++) {
            if ((long) (d + 1) * v.length > MAX_TRACE_CELLS) {
                return replaceAll(a, b);
            }
            trace.add(Arrays.copyOf(v, v.length));
            for (int k = -d; k <= d; k += 2) {
                int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = true;
                    break;
                }
            }
        }
        List<Op> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] row = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && row[offset + k - 1] < row[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = row[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
                reversed.add(new Op(Kind.EQUAL, a.get(x), x, y));
            }
            if (d > 0) {
                if (x == prevX) {
                    reversed.add(new Op(Kind.INSERT, b.get(prevY), prevX, prevY));
                } else {
                    reversed.add(new Op(Kind.DELETE, a.get(prevX), prevX, prevY));
                }
            }
            x = prevX;
            y = prevY;
        }
        List<Op> ops = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            ops.add(reversed.get(i));
        }
        return deletionsFirst(ops);
    }

    /** Within each run of changes, list the deletions before the insertions (diff -u does). */
    private static List<Op> deletionsFirst(List<Op> ops) {
        List<Op> result = new ArrayList<>(ops.size());
        int i = 0;
        while (i < ops.size()) {
            if (ops.get(i).kind() == Kind.EQUAL) {
                result.add(ops.get(i++));
                continue;
            }
            int runStart = i;
            while (i < ops.size() && ops.get(i).kind() != Kind.EQUAL) {
                i++;
            }
            List<Op> run = ops.subList(runStart, i);
            int oldPos = run.get(0).oldPos();
            int newPos = run.get(0).newPos();
            int deletions = 0;
            for (Op op : run) {
                if (op.kind() == Kind.DELETE) {
                    result.add(new Op(Kind.DELETE, op.line(), oldPos + deletions, newPos));
                    deletions++;
                }
            }
            int insertions = 0;
            for (Op op : run) {
                if (op.kind() == Kind.INSERT) {
                    result.add(new Op(Kind.INSERT, op.line(), oldPos + deletions, newPos + insertions));
                    insertions++;
                }
            }
        }
        return result;
    }

    private static List<Op> replaceAll(List<String> a, List<String> b) {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ops.add(new Op(Kind.DELETE, a.get(i), i, 0));
        }
        for (int j = 0; j < b.size(); j++) {
            ops.add(new Op(Kind.INSERT, b.get(j), a.size(), j));
        }
        return ops;
    }
}
