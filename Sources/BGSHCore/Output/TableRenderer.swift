import AWSModel

/// Aligned columns for `--output table`.
public struct Table: Sendable, Equatable {
    /// Column titles (upper-case by convention).
    public var headers: [String]
    /// Rows of cells.
    public var rows: [[String]]

    /// Creates a table.
    public init(headers: [String], rows: [[String]]) {
        self.headers = headers
        self.rows = rows
    }

    /// A two-column FIELD / VALUE table for one record.
    public static func keyValue(_ pairs: [(String, String)]) -> Table {
        Table(headers: ["FIELD", "VALUE"], rows: pairs.map { [$0.0, $0.1] })
    }

    /// The table as text: columns padded to their widest cell, two spaces apart, no trailing blanks.
    public func rendered() -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i < widths.count { widths[i] = max(widths[i], cell.count) } else { widths.append(cell.count) }
            }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                if i + 1 == cells.count { out += cell } else { out += cell + String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            while out.last == " " { out.removeLast() }
            return out + "\n"
        }
        // A table without headers is lines of text (a log, a build's phases).
        return ((headers.isEmpty ? [] : [headers]) + rows).map(line).joined()
    }
}

/// `table`, `json` or `text`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, text
}

/// A command's result in every form it can be shown in; the session picks one.
public struct View: Sendable {
    /// The aws CLI's document for the call, or bgsh's own documented shape.
    public var json: JSONValue
    /// Aligned columns.
    public var table: Table?
    /// Bare values, one a line (`--output text`).
    public var text: [String]

    /// Creates a view.
    public init(json: JSONValue, table: Table?, text: [String]) {
        self.json = json
        self.table = table
        self.text = text
    }

    /// The view rendered in a format.
    public func rendered(as format: OutputFormat) -> String {
        switch format {
        case .json: return json.rendered() + "\n"
        case .text: return text.map { $0 + "\n" }.joined()
        case .table:
            if let table { return table.rendered() }
            return text.map { $0 + "\n" }.joined()
        }
    }
}
