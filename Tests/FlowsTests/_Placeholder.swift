import Testing
@Test func flowsPlaceholder() { #expect(Bool(true)) }
