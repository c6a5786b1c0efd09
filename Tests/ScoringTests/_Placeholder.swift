import Testing
@Test func scoringPlaceholder() { #expect(Bool(true)) }
