"""Drives Autopilot's MCP server with the official Python MCP client (PyPI `mcp`), over both transports.

stdio: spawns `autopilot mcp --tenant T --database DB` as an MCP host would.
streamable HTTP: connects to a running `/mcp` endpoint with the tenant's API key, then with a read-only key.

On each: lists the tools, calls every one with a good input and checks the answer, calls them with bad inputs and
checks the readable `isError` answers, and checks that tenant B's data never shows. Exits 1 on the first failure,
saying which check failed. Run by Tests/ToolsTests/MCPClientTests.swift.
"""

import argparse
import asyncio
import json
import sys

import httpx2
from mcp import ClientSession, StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp import MCPError

WRITE_TOOLS = {
    "decide_recommendation", "create_template_draft", "send_message", "schedule_callback", "create_payment_link",
    "create_support_ticket", "hand_off_to_human", "place_call",
}
ALL_TOOLS = {
    "qualify_lead", "find_contact", "check_order_status", "search_products", "check_product_stock", "list_recommendations",
    "decide_recommendation", "list_flows", "flow_stats", "list_templates", "create_template_draft", "send_message", "weekly_report",
    "search_knowledge_base", "schedule_callback", "create_payment_link", "create_support_ticket", "hand_off_to_human", "place_call",
}


class CheckFailed(Exception):
    pass


def check(condition, what):
    if not condition:
        raise CheckFailed(what)


def structured(result):
    return result.structured_content or json.loads(result.content[0].text)


async def call_ok(session, name, arguments):
    result = await session.call_tool(name, arguments)
    text = result.content[0].text if result.content else ""
    check(not result.is_error, f"{name}({arguments}) failed: {text}")
    check(json.loads(text) == result.structured_content, f"{name}: the text and the structured content differ")
    return structured(result)


async def call_error(session, name, arguments, expected_text):
    result = await session.call_tool(name, arguments)
    text = result.content[0].text if result.content else ""
    check(result.is_error, f"{name}({arguments}) should be an error, got {text[:200]}")
    check(expected_text in text, f"{name}({arguments}): expected an error containing {expected_text!r}, got {text!r}")
    return text


async def check_listing(session, read_only):
    listed = await session.list_tools()
    names = {tool.name for tool in listed.tools}
    expected = ALL_TOOLS - WRITE_TOOLS if read_only else ALL_TOOLS
    check(names == expected, f"tools listed: {sorted(names)}, expected {sorted(expected)}")
    for tool in listed.tools:
        check(tool.description and len(tool.description) > 60, f"{tool.name} has a plain description")
        check(tool.input_schema.get("type") == "object", f"{tool.name} input schema is an object")
        check(tool.output_schema and tool.output_schema.get("type") == "object", f"{tool.name} declares its output")
        hints = tool.annotations
        check(hints is not None, f"{tool.name} has annotations")
        check(hints.read_only_hint == (tool.name not in WRITE_TOOLS), f"{tool.name} readOnlyHint")
        check(hints.destructive_hint == (tool.name == "decide_recommendation"), f"{tool.name} destructiveHint")
    return names


async def exercise_reads(session):
    lead = await call_ok(session, "qualify_lead", {"text": "Directeur, budget 2 000 € par mois, démarrage ce mois-ci."})
    check(lead["score"] > 0, "qualify_lead scores the lead")
    contact = await call_ok(session, "find_contact", {"email": "amina@lumen.example"})
    check(contact["contact"]["first_name"] == "Amina", "find_contact by email")
    check(contact["contact"]["consents"]["email"]["granted"] is True, "find_contact gives consents")
    by_phone = await call_ok(session, "find_contact", {"phone": "+33 6 12 34 56 78"})
    check(by_phone["contact"]["id"] == contact["contact"]["id"], "find_contact by phone")
    order = await call_ok(session, "check_order_status", {"order_id": "A-1001"})
    check(order["order"]["status"] == "fulfilled" and order["order"]["tracking_number"] == "6A123", "check_order_status tracking")
    products = await call_ok(session, "search_products", {"query": "lampe"})
    check([p["sku"] for p in products["products"]] == ["LUM-LAMP-01", "LUM-LAMP-02"], "search_products")
    stock = await call_ok(session, "check_product_stock", {"sku": "LUM-LAMP-02"})
    check(stock["in_stock"] is False, "check_product_stock")
    recommendations = await call_ok(session, "list_recommendations", {"language": "en"})
    check(isinstance(recommendations["recommendations"], list) and recommendations["total"] >= 0, "list_recommendations")
    flows = await call_ok(session, "list_flows", {})
    check(any(flow["id"] == "abandoned-cart" for flow in flows["flows"]), "list_flows")
    stats = await call_ok(session, "flow_stats", {"flow_id": "abandoned-cart"})
    check(stats["flow"] == "abandoned-cart", "flow_stats")
    templates = await call_ok(session, "list_templates", {"channel": "sms"})
    check(all(t["channel"] == "sms" for t in templates["templates"]), "list_templates")
    report = await call_ok(session, "weekly_report", {"language": "en"})
    check(report["summary"]["executive_summary"], "weekly_report writes a summary")
    faq = await call_ok(session, "search_knowledge_base", {"query": "retours gratuits"})
    check(faq["passages"] and faq["passages"][0]["title"] == "Livraison et retours", f"search_knowledge_base: {faq}")
    return recommendations


async def exercise_errors_and_isolation(session):
    await call_error(session, "find_contact", {"email": 42}, "$.email: expected string, found integer")
    await call_error(session, "find_contact", {}, "$: give one of email, phone")
    await call_error(session, "search_products", {"query": "x", "limit": 500}, "$.limit")
    await call_error(session, "check_order_status", {"order_id": "A-404"}, "order A-404 was not found")
    await call_error(session, "flow_stats", {"flow_id": "nope"}, "flow nope was not found")
    # Tenant B's data never shows to tenant A.
    await call_error(session, "find_contact", {"email": "zoe@nord.example"}, "was not found")
    await call_error(session, "check_order_status", {"order_id": "B-2001"}, "was not found")
    await call_error(session, "check_product_stock", {"sku": "NORD-CAFE"}, "was not found")
    cafe = await call_ok(session, "search_products", {"query": "café"})
    check(cafe["products"] == [], "search_products never finds tenant B's products")
    roasting = await call_ok(session, "search_knowledge_base", {"query": "torréfié mardi"})
    check(roasting["passages"] == [], "search_knowledge_base never finds tenant B's documents")
    try:
        await session.call_tool("no_such_tool", {})
        raise CheckFailed("an unknown tool should be a protocol error")
    except MCPError as error:
        check("Unknown tool" in str(error), f"unknown tool error: {error}")


async def exercise_writes(session, suffix):
    draft = await call_ok(session, "create_template_draft", {"request": "une relance pour les leads froids", "channel": "email", "locale": "fr"})
    check(draft["template"]["status"] == "draft" and draft["template"]["generated_by"] == "assistant", "the draft is the assistant's")
    arguments = {"email": "amina@lumen.example", "template": "shipping-notification-sms", "idempotency_key": "ship-" + suffix,
                 "context": {"order": {"id": "A-1001"}}}
    sent = await call_ok(session, "send_message", arguments)
    check(sent["status"] in ("queued", "held") and sent["purpose"] == "transactional", f"send_message queued: {sent}")
    again = await call_ok(session, "send_message", arguments)
    check(again["message_id"] == sent["message_id"], "the same idempotency key sends once")
    await call_error(session, "send_message", {"email": "bruno@lumen.example", "template": "review-request"}, "no_consent")
    await call_error(session, "decide_recommendation", {"recommendation_id": "nope", "decision": "dismiss"}, "was not found")
    await call_error(session, "decide_recommendation", {"recommendation_id": "x", "decision": "later"}, "$.decision")
    amina = {"email": "amina@lumen.example", "phone": "+33 6 12 34 56 78"}
    offered = await call_ok(session, "schedule_callback", {"contact": amina})
    check(len(offered["slots"]) > 0, f"schedule_callback offers slots: {offered}")
    booked = await call_ok(session, "schedule_callback", {"contact": amina, "slot": offered["slots"][0]["start"],
                                                          "idempotency_key": "call-" + suffix})
    check(booked["callback"]["task"]["kind"] == "callback", f"schedule_callback books a task: {booked}")
    ticket = await call_ok(session, "create_support_ticket", {"subject": "Colis abîmé", "contact": {"email": "amina@lumen.example"},
                                                             "idempotency_key": "ticket-" + suffix})
    check(ticket["task"]["kind"] == "support_ticket", f"create_support_ticket: {ticket}")
    handed = await call_ok(session, "hand_off_to_human", {"reason": "wants a person", "contact": amina,
                                                        "idempotency_key": "hand-" + suffix})
    check(handed["task"]["kind"] == "hand_off", f"hand_off_to_human: {handed}")
    await call_error(session, "create_payment_link", {"amount": 49.9, "currency": "EUR", "description": "Lampe"}, "Stripe")
    # No Twilio account in the test's environment: the call is refused (outside calling hours on the real clock, else for
    # want of Twilio, saying what is missing) and recorded; the same key gives the same answer.
    arguments = {"email": "amina@lumen.example", "purpose": "Offre VIP", "idempotency_key": "vip-" + suffix}
    call = await call_ok(session, "place_call", arguments)
    check(call["status"] == "refused" and call["reason"].split(":")[0] in ("not_configured", "quiet_hours", "sunday", "public_holiday"),
          f"place_call without Twilio: {call}")
    check(await call_ok(session, "place_call", arguments) == call, "place_call: the same key, the same answer")
    await call_error(session, "place_call", {"purpose": "Offre VIP"}, "$.contact_id")


async def stdio_journey(args):
    parameters = StdioServerParameters(
        command=args.autopilot, args=["mcp", "--tenant", args.tenant, "--database", args.database],
        env={"AUTOPILOT_LOG_LEVEL": "warning"})
    async with stdio_client(parameters) as (read, write):
        async with ClientSession(read, write) as session:
            info = await session.initialize()
            check(info.server_info.name == "autopilot", "stdio: server name")
            await check_listing(session, read_only=False)
            await exercise_reads(session)
            await exercise_errors_and_isolation(session)
            await exercise_writes(session, "stdio")
    print("stdio: ok")


async def http_session(url, key, body):
    async with httpx2.AsyncClient(headers={"Authorization": f"Bearer {key}"}, timeout=60) as client:
        async with streamable_http_client(url, http_client=client) as (read, write):
            async with ClientSession(read, write) as session:
                info = await session.initialize()
                check(info.server_info.name == "autopilot", "http: server name")
                await body(session)


async def http_journey(args):
    async def full(session):
        await check_listing(session, read_only=False)
        await exercise_reads(session)
        await exercise_errors_and_isolation(session)
        await exercise_writes(session, "http")

    async def read_only(session):
        await check_listing(session, read_only=True)
        await exercise_reads(session)
        for name, arguments in [("send_message", {"email": "amina@lumen.example", "template": "shipping-notification-sms"}),
                                ("create_template_draft", {"request": "x", "channel": "email", "locale": "fr"}),
                                ("place_call", {"email": "amina@lumen.example", "purpose": "VIP"})]:
            await call_error(session, name, arguments, "may only read")

    await http_session(args.url, args.key, full)
    print("http: ok")
    await http_session(args.url, args.read_only_key, read_only)
    print("http read-only key: ok")
    try:
        await http_session(args.url, "ap_not_a_key", full)
        raise CheckFailed("a wrong API key should be refused")
    except CheckFailed:
        raise
    except BaseException as error:  # the client gives up on the 401
        print(f"http wrong key refused: {type(error).__name__}")


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--autopilot", required=True)
    parser.add_argument("--database", required=True)
    parser.add_argument("--tenant", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--read-only-key", required=True)
    args = parser.parse_args()
    try:
        await stdio_journey(args)
        await http_journey(args)
    except* CheckFailed as failures:
        def leaves(error):
            if isinstance(error, BaseExceptionGroup):
                for inner in error.exceptions:
                    yield from leaves(inner)
            else:
                yield error
        for failure in leaves(failures):
            print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    asyncio.run(main())
