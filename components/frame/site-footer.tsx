import { getTranslations } from "next-intl/server";
import type { Brand } from "@/lib/brand/get-brand";

/** The frame's foot: who runs the service, its privacy policy and how to reach support. */
export async function SiteFooter({ brand }: { brand: Brand }) {
  const t = await getTranslations("frame");
  return (
    <footer className="site-footer">
      <div className="inner">
        <span className="footer-brand">{brand.name}</span>
        <a href={brand.privacyPolicyUrl}>{t("privacyPolicy")}</a>
        <span>
          {t("support")}: <a href={`mailto:${brand.supportEmail}`}>{brand.supportEmail}</a>
        </span>
      </div>
    </footer>
  );
}
