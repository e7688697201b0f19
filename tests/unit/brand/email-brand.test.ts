import { createElement } from "react";
import { describe, expect, it } from "vitest";
import NoticeEmail from "@/emails/notice";
import { overrideConfig } from "@/lib/config";
import { renderEmail } from "@/lib/email/render-email";

const props = { lang: "fi", preview: "Vahvista", heading: "Vahvista osoitteesi", paragraphs: ["Hei."], button: { label: "Vahvista", url: "https://portal.example.com/x" } };

describe("the emails wear the brand", () => {
  it("shows the configured company name and colours the button with the brand colour", async () => {
    overrideConfig({ BRAND_NAME: "Kahvila Oy", BRAND_COLOR: "#FFCC00", DATA_DIR: "/tmp/omadata-email-brand-test" });
    const { html, text } = await renderEmail(createElement(NoticeEmail, props));
    expect(text).toContain("Kahvila Oy");
    expect(html).toContain("Kahvila Oy");
    expect(html).toMatch(/border-top:6px solid #ffcc00/);
    // Yellow takes the near-black text, as the contrast check decided.
    expect(html).toMatch(/background-color:#ffcc00;color:#1b1f24/);
  });

  it("wears the demo brand when nothing is configured", async () => {
    overrideConfig({ BRAND_NAME: "", BRAND_COLOR: "", DATA_DIR: "/tmp/omadata-email-brand-test" });
    const { html } = await renderEmail(createElement(NoticeEmail, props));
    expect(html).toContain("Omadata Demo");
    expect(html).toMatch(/background-color:#0e6074;color:#ffffff/);
  });
});
