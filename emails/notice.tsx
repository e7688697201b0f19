import { Body, Button, Container, Head, Heading, Html, Preview, Section, Text } from "@react-email/components";
import { getBrand } from "../lib/brand/get-brand";

/** The company's look in an email: its name and colour (logos stay out: many mail clients block images). */
export interface EmailBrand {
  name: string;
  color: string;
  onColor: string;
}

/** A plain message: heading, paragraphs, an optional button, small print. */
export interface NoticeEmailProps {
  lang: string;
  preview: string;
  heading: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  smallPrint?: string[];
  /** Defaults to the configured brand (BRAND_NAME, BRAND_COLOR). */
  brand?: EmailBrand;
}

const styles = {
  body: { backgroundColor: "#f4f5f7", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif" },
  container: { backgroundColor: "#ffffff", margin: "32px auto", padding: "24px 32px 32px", maxWidth: "520px", borderRadius: "8px" },
  brandName: { fontSize: "16px", fontWeight: 700, margin: "0", color: "#1b1f24" },
  heading: { fontSize: "22px", color: "#1b1f24" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#1b1f24" },
  button: { padding: "12px 20px", borderRadius: "6px", fontWeight: 600 },
  small: { fontSize: "13px", lineHeight: "20px", color: "#4b5563" },
};

export default function NoticeEmail({ lang, preview, heading, paragraphs, button, smallPrint = [], brand = getBrand() }: NoticeEmailProps) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={{ ...styles.container, borderTop: `6px solid ${brand.color}` }}>
          <Section>
            <Text style={styles.brandName}>{brand.name}</Text>
          </Section>
          <Heading style={styles.heading}>{heading}</Heading>
          {paragraphs.map((p) => (
            <Text key={p} style={styles.text}>
              {p}
            </Text>
          ))}
          {button && (
            <Button href={button.url} style={{ ...styles.button, backgroundColor: brand.color, color: brand.onColor }}>
              {button.label}
            </Button>
          )}
          {smallPrint.map((p) => (
            <Text key={p} style={styles.small}>
              {p}
            </Text>
          ))}
        </Container>
      </Body>
    </Html>
  );
}

NoticeEmail.PreviewProps = {
  lang: "en",
  preview: "Confirm your new email address",
  heading: "Confirm your new email address",
  paragraphs: ["You asked to use this address for Omadata."],
  button: { label: "Confirm the address", url: "http://localhost:3000/profile/email/confirm?token=preview" },
  smallPrint: ["The link works once and expires in 24 hours."],
  brand: { name: "Omadata Demo", color: "#0e6074", onColor: "#ffffff" },
} satisfies NoticeEmailProps;
