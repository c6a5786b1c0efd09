import Testing
@Test func decisionsPlaceholder() { #expect(Bool(true)) }
