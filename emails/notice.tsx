import { Body, Button, Container, Head, Heading, Html, Preview, Text } from "@react-email/components";

/** A plain message: heading, paragraphs, an optional button, small print. */
export interface NoticeEmailProps {
  lang: string;
  preview: string;
  heading: string;
  paragraphs: string[];
  button?: { label: string; url: string };
  smallPrint?: string[];
}

const styles = {
  body: { backgroundColor: "#f4f5f7", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif" },
  container: { backgroundColor: "#ffffff", margin: "32px auto", padding: "32px", maxWidth: "520px", borderRadius: "8px" },
  heading: { fontSize: "22px", color: "#1b1f24" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#1b1f24" },
  button: { backgroundColor: "#1d4ed8", color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontWeight: 600 },
  small: { fontSize: "13px", lineHeight: "20px", color: "#4b5563" },
};

export default function NoticeEmail({ lang, preview, heading, paragraphs, button, smallPrint = [] }: NoticeEmailProps) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading style={styles.heading}>{heading}</Heading>
          {paragraphs.map((p) => (
            <Text key={p} style={styles.text}>
              {p}
            </Text>
          ))}
          {button && (
            <Button href={button.url} style={styles.button}>
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
} satisfies NoticeEmailProps;
