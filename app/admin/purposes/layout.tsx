import type { ReactNode } from "react";
import { SectionMessages } from "@/components/i18n/section-messages";

export default function PurposesLayout({ children }: { children: ReactNode }) {
  return <SectionMessages area="admin/purposes">{children}</SectionMessages>;
}
