package org.anomalia.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-page HTML report: headings, paragraphs, tables and figures, in the order added. {@link #write}
 * puts {@code report.html} and one PNG per figure into a directory.
 */
public final class HtmlReport {
    private final String title;
    private final List<Block> blocks = new ArrayList<>();

    private sealed interface Block permits Heading, Paragraph, TableBlock, FigureBlock {}
    private record Heading(String text) implements Block {}
    private record Paragraph(String text, boolean preformatted) implements Block {}
    private record TableBlock(Table table) implements Block {}
    private record FigureBlock(Figure figure, String fileName, String caption) implements Block {}

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport heading(String text) {
        blocks.add(new Heading(text));
        return this;
    }

    public HtmlReport paragraph(String text) {
        blocks.add(new Paragraph(text, false));
        return this;
    }

    /** Text shown in a monospace block, line breaks kept. */
    public HtmlReport preformatted(String text) {
        blocks.add(new Paragraph(text, true));
        return this;
    }

    public HtmlReport table(Table table) {
        blocks.add(new TableBlock(table));
        return this;
    }

    /** A figure saved as {@code fileName} (.png or .svg) next to the HTML file. */
    public HtmlReport figure(Figure figure, String fileName, String caption) {
        if (!fileName.matches("[A-Za-z0-9_.-]+\\.(png|svg)")) throw new IllegalArgumentException("bad figure file name " + fileName);
        blocks.add(new FigureBlock(figure, fileName, caption));
        return this;
    }

    /** Writes report.html and the figures into the directory (created if needed). Returns the HTML path. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").append(escape(title)).append("</title>\n")
            .append("<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}")
            .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}")
            .append("th{background:#eee}img{max-width:100%;border:1px solid #ddd}figure{margin:1.5em 0}")
            .append("figcaption{font-size:90%;color:#555}pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap}</style>\n")
            .append("</head><body>\n<h1>").append(escape(title)).append("</h1>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                html.append("<h2>").append(escape(h.text())).append("</h2>\n");
            } else if (b instanceof Paragraph p) {
                html.append(p.preformatted() ? "<pre>" : "<p>").append(escape(p.text())).append(p.preformatted() ? "</pre>\n" : "</p>\n");
            } else if (b instanceof TableBlock t) {
                html.append(t.table().toHtml());
            } else if (b instanceof FigureBlock f) {
                PlotWriter.write(f.figure(), dir.resolve(f.fileName()));
                html.append("<figure><img src=\"").append(f.fileName()).append("\" alt=\"").append(escape(f.figure().title()))
                    .append("\"><figcaption>").append(escape(f.caption())).append("</figcaption></figure>\n");
            }
        }
        html.append("</body></html>\n");
        Path out = dir.resolve("report.html");
        Files.writeString(out, html, StandardCharsets.UTF_8);
        return out;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
