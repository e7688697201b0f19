import type { ReactNode } from "react";
import { SectionMessages } from "@/components/i18n/section-messages";

export default function ImportLayout({ children }: { children: ReactNode }) {
  return <SectionMessages area="admin/import">{children}</SectionMessages>;
}
