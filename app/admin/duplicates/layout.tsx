import type { ReactNode } from "react";
import { SectionMessages } from "@/components/i18n/section-messages";

export default function DuplicatesLayout({ children }: { children: ReactNode }) {
  return <SectionMessages area="admin/duplicates">{children}</SectionMessages>;
}
