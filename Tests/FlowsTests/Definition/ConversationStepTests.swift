import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Flow send steps marked as conversations")
struct ConversationStepTests {
    @Test func aSendStepMayBeMarkedAsAConversation() throws {
        let flow = try FlowDefinition.parse(
            "id: t\nname: T\ntrigger: { event: order.placed }\nsteps:\n  - send: { channel: email, template: note, conversation: true }\n"
                + "  - send: { channel: email, template: promo }\n")
        guard case .send(let note) = flow.steps[0], case .send(let promo) = flow.steps[1] else {
            Issue.record("expected two send steps")
            return
        }
        #expect(note.conversation)
        #expect(!promo.conversation)
    }

    @Test func aConversationIsNotTransactionalAndIsABoolean() {
        let issues = FlowDefinition.validate(
            "id: t\nname: T\ntrigger: { event: order.placed }\nsteps:\n"
                + "  - send: { channel: email, template: a, transactional: true, conversation: true }\n"
                + "  - send: { channel: email, template: b, conversation: maybe }\n"
        ).map(\.description)
        #expect(issues.count == 2)
        #expect(issues.first == "steps[0].send.conversation: a transactional message is not a conversation")
        #expect(issues.last?.hasPrefix("steps[1].send.conversation") == true)
    }

    @Test func theDelegatedFollowUpsAreConversations() throws {
        for id in ["delegate-not-opened", "delegate-opened-no-reply", "delegate-silence"] {
            let flow = try #require(try FlowLibrary.builtIn.first { $0.id == id })
            var sends: [SendStep] = []
            func collect(_ steps: [FlowStep]) {
                for step in steps {
                    switch step {
                    case .send(let send): sends.append(send)
                    case .branch(_, let then, let otherwise): collect(then + otherwise)
                    default: break
                    }
                }
            }
            collect(flow.steps)
            #expect(sends.count == 3 && sends.allSatisfy(\.conversation), "\(id)")
        }
    }
}
