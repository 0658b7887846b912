package org.anomalia.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.anomalia.data.AtomicFiles;
import org.anomalia.data.Table;
import org.anomalia.data.TableFiles;

/** Writes an event table and FILE.meta.json beside it (command, seed, settings and the column names, which .npy lacks). */
final class TableWithSettings {
    private TableWithSettings() {}

    static Path write(Path out, Table table, Map<String, Object> settings) {
        TableFiles.write(out, table);
        Map<String, Object> meta = new LinkedHashMap<>(settings);
        meta.put("columns", table.names());
        meta.put("rows", table.rows());
        Path metaFile = out.resolveSibling(out.getFileName() + ".meta.json");
        AtomicFiles.write(metaFile, tmp -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), meta));
        return metaFile;
    }
}
