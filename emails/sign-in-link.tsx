import { Body, Button, Container, Head, Heading, Html, Preview, Text } from "@react-email/components";

export interface SignInLinkEmailProps {
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

export default function SignInLinkEmail({ url, lang, strings }: SignInLinkEmailProps) {
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

SignInLinkEmail.PreviewProps = {
  url: "http://localhost:3000/api/auth/callback/nodemailer?token=preview",
  lang: "en",
  strings: {
    preview: "Sign in to Omadata",
    heading: "Sign in to Omadata",
    intro: "Someone asked to sign in with this address. If it was you, use the button below.",
    button: "Sign in",
    expiry: "The link works once and expires in 15 minutes.",
    ignore: "If you did not ask for this, you can ignore this message.",
  },
} satisfies SignInLinkEmailProps;
