import BGSHLineEditor
import Testing

/// libedit's history file as bgsh reads it without libedit (`history` in a runbook).
@Suite struct HistoryFileTests {
    @Test(arguments: [
        ("echo\\040hi", "echo hi"),
        ("a\\\\b", "a\\b"),
        ("echo \\400\\777", "echo \\400\\777"),  // no byte: kept as written, never a crash
        ("tail \\12", "tail \\12"),
        ("\\303\\251t\\303\\251", "été"),
    ])
    func decodes(_ stored: String, _ entry: String) {
        #expect(HistoryFile.decode(stored) == entry)
    }
}
