import Flows
import Testing

@Suite("Flow definitions — coupons")
struct CouponStepTests {
    static func flow(_ coupon: String) -> String {
        """
        id: coupon-check
        name: Coupon check
        trigger: { event: cart.abandoned }
        steps:
          - send: { channel: email, template: promo, coupon: \(coupon) }
        """
    }

    @Test(arguments: [
        ("{ percent: 10, validity: 7d }", CouponRequest(kind: .unique, discount: .percent(10), validity: .days(7))),
        ("{ amount: 5, validity: 7d, minimum_order: 40 }", CouponRequest(kind: .unique, discount: .amount(5), validity: .days(7), minimumOrder: 40)),
        ("{ free_shipping: true, validity: 2w }", CouponRequest(kind: .unique, discount: .freeShipping, validity: .days(14))),
    ])
    func eachDiscountIsRead(text: String, expected: CouponRequest) throws {
        let flow = try FlowDefinition.parse(Self.flow(text))
        guard case .send(let send) = flow.steps[0] else { throw Failure("send expected") }
        #expect(send.coupon == expected)
    }

    @Test(arguments: [
        ("{ percent: 10, free_shipping: true, validity: 7d }", "steps[0].send.coupon: has more than one of percent, amount and free_shipping: choose one"),
        ("{ validity: 7d }", "steps[0].send.coupon: needs percent, amount or free_shipping: true"),
        ("{ amount: 5, minimum_order: -3, validity: 7d }", "steps[0].send.coupon.minimum_order: must be above 0"),
    ])
    func badCouponsAreNamed(text: String, issue: String) {
        #expect(FlowDefinition.validate(Self.flow(text)).map(\.description).contains(issue))
    }
}
