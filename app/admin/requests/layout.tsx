import type { ReactNode } from "react";
import { SectionMessages } from "@/components/i18n/section-messages";

export default function RequestsLayout({ children }: { children: ReactNode }) {
  return <SectionMessages area="admin/requests">{children}</SectionMessages>;
}
