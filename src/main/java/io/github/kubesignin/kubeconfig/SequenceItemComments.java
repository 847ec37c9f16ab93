package io.github.kubesignin.kubeconfig;

import java.util.List;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * SnakeYAML attaches a comment line above "- name: x" to the first key inside the item, and then writes it after
 * the dash ("- # comment"). Moving it to the item itself writes it back above the dash, where it was.
 */
final class SequenceItemComments {
    private SequenceItemComments() {
    }

    static void hoist(Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                hoist(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                if (item instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
                    Node firstKey = mapping.getValue().get(0).getKeyNode();
                    List<CommentLine> comments = firstKey.getBlockComments();
                    if (comments != null && !comments.isEmpty() && isEmpty(mapping.getBlockComments())) {
                        mapping.setBlockComments(withoutPositions(comments));
                        firstKey.setBlockComments(null);
                    }
                }
                hoist(item);
            }
        }
    }

    /**
     * The emitter writes an item's comment above the dash only when the comment started in column 0; an indented
     * one would still land after the dash. Column 0 it is (the text of the comment is unchanged).
     */
    private static List<CommentLine> withoutPositions(List<CommentLine> comments) {
        return comments.stream()
                .map(line -> new CommentLine(atColumnZero(line.getStartMark()), line.getEndMark(), line.getValue(),
                        line.getCommentType()))
                .collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
    }

    private static Mark atColumnZero(Mark mark) {
        return mark == null ? null
                : new Mark(mark.getName(), mark.getIndex() - mark.getColumn(), mark.getLine(), 0, mark.getBuffer(), 0);
    }

    private static boolean isEmpty(List<CommentLine> comments) {
        return comments == null || comments.isEmpty();
    }
}
