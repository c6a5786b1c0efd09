import Testing
@Test func llmPlaceholder() { #expect(Bool(true)) }
