import AutopilotCore
import Channels
import Testing

@Suite struct LogSenderTests {
    @Test func reportsEveryMessageSentWithAnIDDerivedFromOurs() async {
        let message = OutboundMessage(
            id: "m1", tenantID: "t", idempotencyKey: "run/steps[0]", channel: .sms, recipient: "+33600000000", text: "Bonjour")
        #expect(await LogSender().send(message) == .sent(providerID: "log-m1"))
    }
}
