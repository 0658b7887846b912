package org.anomalia.cli;

import org.anomalia.numerics.io.OutputPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;
import org.anomalia.numerics.io.AtomicOutput;

/** Writes an event table and FILE.meta.json beside it (command, seed, settings and the column names, which .npy lacks). */
final class TableWithSettings {
    private TableWithSettings() {}

    /** The .meta.json that goes beside an output table. */
    static Path metaFile(Path out) {
        return out.resolveSibling(out.getFileName() + ".meta.json");
    }

    /** Checks, before any work, that the table and its .meta.json can be written there in a known format. */
    static void checkOut(Path out) {
        OutputPaths.checkFile(out, "--out");
        TableFiles.requireWritableFormat(out);
        OutputPaths.checkFile(metaFile(out), "--out");
    }

    /** Writes the table and its settings together: both complete or neither (the settings moved in first). */
    static Path write(Path out, Table table, Map<String, Object> settings) {
        Map<String, Object> meta = new LinkedHashMap<>(settings);
        meta.put("columns", table.names());
        meta.put("rows", table.rows());
        return write(out, table, (Object) meta);
    }

    /** Writes the table and a JSON document (a map or a Jackson tree) as its .meta.json, both or neither. */
    static Path write(Path out, Table table, Object meta) {
        Path metaFile = metaFile(out);
        Map<Path, AtomicOutput.FileWriter> files = new LinkedHashMap<>();
        files.put(metaFile, tmp -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), meta));
        files.put(out, TableFiles.writer(out, table));
        AtomicOutput.files(files);
        return metaFile;
    }
}
