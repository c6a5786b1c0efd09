import AutopilotCore
import Foundation
import Testing

@testable import Channels

@Suite("MIME message builder — headers relays echo")
struct TrackingHeaderTests {
    @Test func ourMessageIDGoesWherePostmarkAndMailgunEchoIt() throws {
        let mime = try MIMEMessageBuilderTests.builder().build(MIMEMessageBuilderTests.message(), date: MIMEMessageBuilderTests.date)
        let (fields, _) = MIMEMessageBuilderTests.headers(mime)
        #expect(fields["X-Autopilot-Message-ID"] == "m1")
        #expect(fields["X-PM-Metadata-autopilot-message-id"] == "m1")
        #expect(fields["X-PM-KeepID"] == "true")
        #expect(fields["X-Mailgun-Variables"] == #"{"autopilot_message_id": "m1"}"#)
    }

    @Test(arguments: ["", "m 1", "m\"1", "é1", String(repeating: "a", count: 101)])
    func anUnplainIDIsLeftOut(id: String) {
        #expect(MIMEMessageBuilder.trackingHeaders(id).isEmpty)
    }
}
