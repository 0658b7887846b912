package org.anomalia.report;

import java.util.ArrayList;
import java.util.List;

/** A table of text cells with a header row; printed as aligned text or written as HTML. */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + header.size());
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(String.valueOf(c));
        rows.add(r);
        return this;
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** Columns padded to equal width, for a terminal. */
    public String toText() {
        int[] w = new int[header.size()];
        for (int j = 0; j < w.length; j++) {
            w[j] = header.get(j).length();
            for (List<String> r : rows) w[j] = Math.max(w[j], r.get(j).length());
        }
        StringBuilder sb = new StringBuilder();
        appendText(sb, header, w);
        int total = 0;
        for (int x : w) total += x + 2;
        sb.append("-".repeat(Math.max(0, total - 2))).append('\n');
        for (List<String> r : rows) appendText(sb, r, w);
        return sb.toString();
    }

    private static void appendText(StringBuilder sb, List<String> cells, int[] w) {
        StringBuilder line = new StringBuilder();
        for (int j = 0; j < w.length; j++) {
            String c = cells.get(j);
            line.append(c).append(" ".repeat(w[j] - c.length()));
            if (j < w.length - 1) line.append("  ");
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }

    String toHtml() {
        StringBuilder sb = new StringBuilder("<table>\n<tr>");
        for (String h : header) sb.append("<th>").append(HtmlReport.escape(h)).append("</th>");
        sb.append("</tr>\n");
        for (List<String> r : rows) {
            sb.append("<tr>");
            for (String c : r) sb.append("<td>").append(HtmlReport.escape(c)).append("</td>");
            sb.append("</tr>\n");
        }
        return sb.append("</table>\n").toString();
    }
}
