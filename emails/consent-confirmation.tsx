import { Body, Button, Container, Head, Heading, Html, Preview, Text } from "@react-email/components";

export interface ConsentConfirmationEmailProps {
  url: string;
  lang: string;
  strings: { preview: string; heading: string; intro: string; button: string; expiry: string; ignore: string };
}

const styles = {
  body: { backgroundColor: "#f4f5f7", fontFamily: "system-ui, -apple-system, Segoe UI, Roboto, sans-serif" },
  container: { backgroundColor: "#ffffff", margin: "32px auto", padding: "32px", maxWidth: "520px", borderRadius: "8px" },
  heading: { fontSize: "22px", color: "#1b1f24" },
  text: { fontSize: "15px", lineHeight: "24px", color: "#1b1f24" },
  button: { backgroundColor: "#1d4ed8", color: "#ffffff", padding: "12px 20px", borderRadius: "6px", fontWeight: 600 },
  small: { fontSize: "13px", lineHeight: "20px", color: "#4b5563" },
};

/** Double opt-in: the person confirms that they asked for this purpose at this address. */
export default function ConsentConfirmationEmail({ url, lang, strings }: ConsentConfirmationEmailProps) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{strings.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Heading style={styles.heading}>{strings.heading}</Heading>
          <Text style={styles.text}>{strings.intro}</Text>
          <Button href={url} style={styles.button}>
            {strings.button}
          </Button>
          <Text style={styles.small}>{strings.expiry}</Text>
          <Text style={styles.small}>{strings.ignore}</Text>
        </Container>
      </Body>
    </Html>
  );
}

ConsentConfirmationEmail.PreviewProps = {
  url: "http://localhost:3000/consents/confirm?token=preview",
  lang: "en",
  strings: {
    preview: "Confirm your subscription: Newsletter",
    heading: "Confirm your choice",
    intro: "You asked to receive “Newsletter” at this address. Confirm it with the button below.",
    button: "Confirm",
    expiry: "The link works once and expires in 48 hours.",
    ignore: "If you did not ask for this, ignore this message and nothing will be sent to you.",
  },
} satisfies ConsentConfirmationEmailProps;
