package io.github.kubesignin.kubeconfig;

import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Refuses a composed document that this program cannot edit without guessing: a non-mapping top level, a section
 * that is not a list, an entry without a name, duplicate names or duplicate keys.
 */
final class KubeconfigValidator {
    private final String sourceName;

    KubeconfigValidator(String sourceName) {
        this.sourceName = sourceName;
    }

    MappingNode validate(Node root) {
        if (!(root instanceof MappingNode mapping)) {
            throw problem(root, "the top level is not a mapping (expected keys like apiVersion, clusters, users)");
        }
        checkDuplicateKeys(mapping);
        for (Section section : Section.values()) {
            NodeValues.value(mapping, section.listKey).ifPresent(value -> checkSection(section, value));
        }
        NodeValues.value(mapping, "current-context").ifPresent(value -> {
            if (!(value instanceof ScalarNode)) {
                throw problem(value, "current-context is not a string");
            }
        });
        return mapping;
    }

    private void checkSection(Section section, Node value) {
        if (NodeValues.isNull(value)) {
            return; // kubectl writes "users: null" for an empty list
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw problem(value, "'" + section.listKey + "' is not a list");
        }
        Set<String> names = new HashSet<>();
        for (Node entry : sequence.getValue()) {
            if (!(entry instanceof MappingNode mapping)) {
                throw problem(entry, "an entry of '" + section.listKey + "' is not a mapping");
            }
            Node name = NodeValues.value(mapping, "name").orElseThrow(
                    () -> problem(entry, "an entry of '" + section.listKey + "' has no name"));
            if (!(name instanceof ScalarNode scalar) || NodeValues.isNull(name) || scalar.getValue().isEmpty()) {
                throw problem(name, "an entry of '" + section.listKey + "' has an empty or non-text name");
            }
            if (!names.add(scalar.getValue())) {
                throw problem(name, "the name '" + scalar.getValue() + "' appears twice in '" + section.listKey + "'");
            }
        }
    }

    /** Duplicate keys are legal for SnakeYAML's composer but ambiguous: which value would kubectl use? */
    private void checkDuplicateKeys(Node node) {
        if (node instanceof MappingNode mapping) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !keys.add(key.getValue())) {
                    throw problem(key, "the key '" + key.getValue() + "' appears twice in the same mapping");
                }
                checkDuplicateKeys(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                checkDuplicateKeys(item);
            }
        }
    }

    private MalformedKubeconfigException problem(Node node, String reason) {
        int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        return new MalformedKubeconfigException(sourceName, line, reason);
    }
}
