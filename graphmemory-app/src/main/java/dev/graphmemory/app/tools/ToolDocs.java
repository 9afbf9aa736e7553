package dev.graphmemory.app.tools;

import java.util.Map;

/** {@code docs/tools.md}, made from the catalogue so that it cannot drift from what the server offers. */
public final class ToolDocs {
    private ToolDocs() {}

    /** The Markdown document. */
    public static String markdown() {
        StringBuilder doc = new StringBuilder();
        doc.append("# Tools\n\n")
                .append("The tools graphmemory offers over MCP (`graphmemory serve`) and from a shell ")
                .append("(`graphmemory tool NAME 'JSON'`). Generated from the tool catalogue by ")
                .append("`graphmemory tools --markdown`; a test fails when this file differs.\n\n")
                .append("Every call is checked before anything runs. A failure is a result with `isError: true` ")
                .append("and a JSON object `{\"error\": code, \"message\": ..., \"field\": ...}`; codes: ")
                .append("`invalid_input`, `query_refused`, `not_found`, `timeout`, `busy`, `unavailable`, ")
                .append("`transient`, `commit_outcome_unknown`, `interrupted`, `database_error`, `unknown_tool`.\n\n")
                .append("| tool | what it does |\n|---|---|\n");
        for (Tool tool : ToolCatalogue.tools()) {
            doc.append("| [`")
                    .append(tool.name())
                    .append("`](#")
                    .append(tool.name())
                    .append(") | ")
                    .append(tool.title())
                    .append(tool.readOnly() ? " (read-only)" : "")
                    .append(tool.destructive() ? " (destructive)" : "")
                    .append(" |\n");
        }
        for (Tool tool : ToolCatalogue.tools()) {
            doc.append("\n## ")
                    .append(tool.name())
                    .append("\n\n")
                    .append(tool.description())
                    .append("\n\n");
            if (tool.params().isEmpty()) {
                doc.append("No arguments.\n");
                continue;
            }
            doc.append("| argument | type | required | description |\n|---|---|---|---|\n");
            for (Param param : tool.params()) {
                row(doc, "", param);
            }
        }
        return doc.toString();
    }

    private static void row(StringBuilder doc, String prefix, Param param) {
        Map<String, Object> schema = param.schema();
        String type = (String) schema.get("type");
        if (param.type() == Param.Type.ARRAY) {
            type = param.itemType() != null ? "array of " + param.itemType().json() : "array of objects";
        }
        StringBuilder description = new StringBuilder(param.description());
        if (!param.values().isEmpty()) {
            description
                    .append("; one of `")
                    .append(String.join("`, `", param.values()))
                    .append('`');
        }
        if (param.minimum() != null) {
            description.append("; ").append(param.minimum()).append(" to ").append(param.maximum());
        }
        doc.append("| `")
                .append(prefix)
                .append(param.name())
                .append("` | ")
                .append(type)
                .append(" | ")
                .append(param.required() ? "yes" : "")
                .append(" | ")
                .append(description)
                .append(" |\n");
        for (Param item : param.items()) {
            row(doc, prefix + param.name() + "[].", item);
        }
    }
}
