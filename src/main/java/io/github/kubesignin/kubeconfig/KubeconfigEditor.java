package io.github.kubesignin.kubeconfig;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Read → parse → change → write as one operation, so a malformed file is refused before anything is touched and
 * a dry run shows exactly what a real run would write.
 */
public final class KubeconfigEditor {
    private final KubeconfigWriter writer;

    public KubeconfigEditor(KubeconfigWriter writer) {
        this.writer = writer;
    }

    /**
     * @throws MalformedKubeconfigException when the current file cannot be edited safely; it is left unchanged
     * @throws ConcurrentKubeconfigChangeException when another program changed the file during the edit
     */
    public EditResult edit(Path file, Consumer<KubeconfigDocument> change, boolean dryRun) throws IOException {
        byte[] before = readOrEmpty(file);
        String oldText = decode(before, file);
        KubeconfigDocument document = KubeconfigDocument.parse(oldText, file.toString());
        change.accept(document);
        String newText = document.serialize();
        String diff = UnifiedDiff.diff(oldText, newText, file.toString(), file.toString());
        if (dryRun || (newText.equals(oldText) && Files.exists(file))) {
            return new EditResult(file, oldText, newText, diff, java.util.Optional.empty(), false);
        }
        // a cheap guard against losing another program's edit made while we were working (no lock across programs)
        if (!Arrays.equals(before, readOrEmpty(file))) {
            throw new ConcurrentKubeconfigChangeException(file);
        }
        WriteResult result = writer.write(file, newText);
        return new EditResult(file, oldText, newText, diff, result.backup(), true);
    }

    private static byte[] readOrEmpty(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    private static String decode(byte[] bytes, Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedKubeconfigException(file.toString(), 0, "the file is not UTF-8 text");
        }
    }
}
