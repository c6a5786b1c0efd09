import Testing
import HummingbirdTesting
@Test func smoke() { #expect(1 == 1) }
