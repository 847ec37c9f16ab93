package io.github.kubesignin.kubeconfig;

import java.io.StringReader;
import java.io.StringWriter;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * The SnakeYAML settings for kubeconfig files. Only the node API keeps comments and key order, so documents are
 * composed and serialized as nodes, never loaded into Maps. Yaml objects are not thread-safe: one per call.
 */
final class KubeconfigYaml {
    /** Big kubeconfigs (many embedded certificates) exceed SnakeYAML's default 3 MB limit. */
    private static final int CODE_POINT_LIMIT = 64 * 1024 * 1024;

    private KubeconfigYaml() {
    }

    /** How the input was laid out, so an edited file looks like the original. */
    record Layout(boolean indentedSequences, boolean explicitStart, boolean windowsLineBreaks) {
        static final Layout KUBECTL = new Layout(false, false, false);
    }

    static Node compose(String text) {
        return yaml(Layout.KUBECTL).compose(new StringReader(text));
    }

    static String serialize(Node root, Layout layout) {
        StringWriter out = new StringWriter();
        yaml(layout).serialize(root, out);
        return out.toString();
    }

    /** Turns plain Java values (Map, List, String, Boolean, Number) into block-style nodes. */
    static Node represent(Object value) {
        return yaml(Layout.KUBECTL).represent(value);
    }

    private static Yaml yaml(Layout layout) {
        LoaderOptions loader = new LoaderOptions();
        loader.setProcessComments(true);
        loader.setCodePointLimit(CODE_POINT_LIMIT);
        DumperOptions dumper = new DumperOptions();
        dumper.setProcessComments(true);
        dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        dumper.setWidth(Integer.MAX_VALUE);
        dumper.setSplitLines(false);
        dumper.setIndent(2);
        dumper.setExplicitStart(layout.explicitStart());
        if (layout.windowsLineBreaks()) {
            dumper.setLineBreak(DumperOptions.LineBreak.WIN);
        }
        if (layout.indentedSequences()) {
            dumper.setIndicatorIndent(2);
            dumper.setIndentWithIndicator(true);
        }
        return new Yaml(new SafeConstructor(loader), new Representer(dumper), dumper, loader);
    }
}
