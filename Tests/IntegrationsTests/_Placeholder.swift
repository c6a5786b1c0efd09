import Testing
@Test func integrationsPlaceholder() { #expect(Bool(true)) }
