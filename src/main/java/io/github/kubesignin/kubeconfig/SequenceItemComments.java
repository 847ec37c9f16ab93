package io.github.kubesignin.kubeconfig;

import java.util.List;
import org.yaml.snakeyaml.comments.CommentLine;
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
                        mapping.setBlockComments(comments);
                        firstKey.setBlockComments(null);
                    }
                }
                hoist(item);
            }
        }
    }

    private static boolean isEmpty(List<CommentLine> comments) {
        return comments == null || comments.isEmpty();
    }
}
