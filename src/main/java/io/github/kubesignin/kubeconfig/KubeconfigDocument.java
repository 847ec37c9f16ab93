package io.github.kubesignin.kubeconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A kubeconfig held as a SnakeYAML node tree, so that editing one named entry leaves every other entry, extension,
 * preference and comment as it was. Not thread-safe.
 */
public final class KubeconfigDocument {
    private final MappingNode root;
    private final KubeconfigYaml.Layout layout;

    private KubeconfigDocument(MappingNode root, KubeconfigYaml.Layout layout) {
        this.root = root;
        this.layout = layout;
    }

    /**
     * Parses kubeconfig text; blank text gives a new, empty kubeconfig.
     *
     * @throws MalformedKubeconfigException with {@code sourceName}, line and reason when the text cannot be edited safely
     */
    public static KubeconfigDocument parse(String text, String sourceName) {
        Node node;
        try {
            node = KubeconfigYaml.compose(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new MalformedKubeconfigException(sourceName, mark == null ? 0 : mark.getLine() + 1, reason(e));
        } catch (YAMLException e) {
            throw new MalformedKubeconfigException(sourceName, 0, e.getMessage());
        }
        if (node == null || Tag.COMMENT.equals(node.getTag()) || NodeValues.isNull(node)) {
            // nothing but blank lines or comments: start a new kubeconfig below the comments
            return withComments(empty(), node);
        }
        MappingNode root = new KubeconfigValidator(sourceName).validate(node);
        SequenceItemComments.hoist(root);
        return new KubeconfigDocument(root, detectLayout(root, text));
    }

    /** apiVersion v1, kind Config, empty lists, current-context "" and preferences {} — what kubectl writes. */
    public static KubeconfigDocument empty() {
        Map<String, Object> skeleton = new LinkedHashMap<>();
        skeleton.put("apiVersion", "v1");
        // distinct list objects: SnakeYAML would write one shared list as an anchor and aliases
        skeleton.put("clusters", new ArrayList<>());
        skeleton.put("contexts", new ArrayList<>());
        skeleton.put("current-context", "");
        skeleton.put("kind", "Config");
        skeleton.put("preferences", new LinkedHashMap<>());
        skeleton.put("users", new ArrayList<>());
        MappingNode root = (MappingNode) KubeconfigYaml.represent(skeleton);
        NodeValues.put(root, "current-context", quoted(""));
        return new KubeconfigDocument(root, KubeconfigYaml.Layout.KUBECTL);
    }

    private static KubeconfigDocument withComments(KubeconfigDocument document, Node commentsOnly) {
        if (commentsOnly != null && commentsOnly.getBlockComments() != null) {
            List<CommentLine> comments = commentsOnly.getBlockComments().stream()
                    .filter(line -> line.getCommentType() != CommentType.BLANK_LINE).toList();
            document.root.setBlockComments(comments.isEmpty() ? null : new ArrayList<>(comments));
        }
        return document;
    }

    public void upsertUser(String name, Map<String, Object> user) {
        upsert(Section.USERS, name, user);
    }

    public void upsertCluster(String name, Map<String, Object> cluster) {
        upsert(Section.CLUSTERS, name, cluster);
    }

    public void upsertContext(String name, Map<String, Object> context) {
        upsert(Section.CONTEXTS, name, context);
    }

    public void setCurrentContext(String name) {
        Objects.requireNonNull(name, "name");
        NodeValues.put(root, "current-context", name.isEmpty() ? quoted("") : KubeconfigYaml.represent(name));
    }

    public Optional<Map<String, Object>> user(String name) {
        return body(Section.USERS, name);
    }

    public Optional<Map<String, Object>> cluster(String name) {
        return body(Section.CLUSTERS, name);
    }

    public Optional<Map<String, Object>> context(String name) {
        return body(Section.CONTEXTS, name);
    }

    public String currentContext() {
        return NodeValues.value(root, "current-context")
                .filter(node -> node instanceof ScalarNode && !NodeValues.isNull(node))
                .map(node -> ((ScalarNode) node).getValue())
                .orElse("");
    }

    public List<String> userNames() {
        return names(Section.USERS);
    }

    public List<String> clusterNames() {
        return names(Section.CLUSTERS);
    }

    public List<String> contextNames() {
        return names(Section.CONTEXTS);
    }

    /** The whole document as YAML, laid out like the input (sequence indentation, leading "---"). */
    public String serialize() {
        return KubeconfigYaml.serialize(root, layout);
    }

    private void upsert(Section section, String name, Map<String, Object> body) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an entry name must not be empty");
        }
        Node bodyNode = KubeconfigYaml.represent(body);
        SequenceNode list = writableList(section);
        Optional<MappingNode> existing = entry(section, name);
        if (existing.isPresent()) {
            // only the body changes: the entry keeps its place, its name node and the comments around it
            NodeValues.put(existing.get(), section.bodyKey, bodyNode);
            return;
        }
        list.getValue().add(newEntry(section, name, bodyNode));
    }

    /** Keys in alphabetical order, as kubectl writes them (cluster/name, context/name, name/user). */
    private static MappingNode newEntry(Section section, String name, Node body) {
        List<NodeTuple> tuples = new ArrayList<>();
        NodeTuple nameTuple = new NodeTuple(KubeconfigYaml.represent("name"), KubeconfigYaml.represent(name));
        NodeTuple bodyTuple = new NodeTuple(KubeconfigYaml.represent(section.bodyKey), body);
        if (section.bodyKey.compareTo("name") < 0) {
            tuples.add(bodyTuple);
            tuples.add(nameTuple);
        } else {
            tuples.add(nameTuple);
            tuples.add(bodyTuple);
        }
        return new MappingNode(Tag.MAP, tuples, DumperOptions.FlowStyle.BLOCK);
    }

    private SequenceNode writableList(Section section) {
        Optional<Node> value = NodeValues.value(root, section.listKey);
        if (value.isPresent() && value.get() instanceof SequenceNode sequence) {
            // "users: []" is a flow sequence; entries added to it should look like kubectl's block style
            sequence.setFlowStyle(DumperOptions.FlowStyle.BLOCK);
            return sequence;
        }
        SequenceNode fresh = new SequenceNode(Tag.SEQ, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
        NodeValues.put(root, section.listKey, fresh);
        return fresh;
    }

    private Optional<MappingNode> entry(Section section, String name) {
        for (MappingNode entry : entries(section)) {
            Optional<Node> entryName = NodeValues.value(entry, "name");
            if (entryName.isPresent() && entryName.get() instanceof ScalarNode scalar && scalar.getValue().equals(name)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private List<MappingNode> entries(Section section) {
        List<MappingNode> entries = new ArrayList<>();
        NodeValues.value(root, section.listKey).ifPresent(value -> {
            if (value instanceof SequenceNode sequence) {
                sequence.getValue().forEach(item -> entries.add((MappingNode) item)); // checked by the validator
            }
        });
        return entries;
    }

    private List<String> names(Section section) {
        List<String> names = new ArrayList<>();
        for (MappingNode entry : entries(section)) {
            NodeValues.value(entry, "name").ifPresent(name -> names.add(((ScalarNode) name).getValue()));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> body(Section section, String name) {
        return entry(section, name).map(entry -> NodeValues.value(entry, section.bodyKey)
                .map(NodeValues::toJava)
                .filter(Map.class::isInstance)
                .map(value -> (Map<String, Object>) value)
                .orElseGet(LinkedHashMap::new));
    }

    private static ScalarNode quoted(String text) {
        return new ScalarNode(Tag.STR, text, null, null, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    private static String reason(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
        String reason = e.getContext() == null ? problem : e.getContext() + ": " + problem;
        return reason.replace("\t", "\\t"); // a raw tab in a one-line message is invisible
    }

    /**
     * Keeps the input's style of "- name:" lists (kubectl: not indented under the key), of a leading "---" and of
     * line breaks (a file edited on Windows keeps CRLF).
     */
    private static KubeconfigYaml.Layout detectLayout(MappingNode root, String text) {
        boolean explicitStart = text.stripLeading().startsWith("---");
        boolean windows = text.contains("\r\n");
        for (NodeTuple tuple : root.getValue()) {
            if (tuple.getValueNode() instanceof SequenceNode sequence
                    && sequence.getFlowStyle() == DumperOptions.FlowStyle.BLOCK && !sequence.getValue().isEmpty()) {
                boolean indented = sequence.getStartMark().getColumn() > tuple.getKeyNode().getStartMark().getColumn();
                return new KubeconfigYaml.Layout(indented, explicitStart, windows);
            }
        }
        return new KubeconfigYaml.Layout(false, explicitStart, windows);
    }
}
