// Tab-bar icons as inline SVG (no icon font, nothing to download).
const icon = (d: string) =>
  function Icon() {
    return (
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d={d} />
      </svg>
    );
  };
export const HomeIcon = icon('M3 11 12 3l9 8M5 10v10h5v-6h4v6h5V10');
export const ReportIcon = icon('M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4');
export const ListIcon = icon('M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01');
export const UserIcon = icon('M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6');
export const BellIcon = icon('M6 16V11a6 6 0 1 1 12 0v5l2 2H4l2-2zM10 21h4');
export const ComplainIcon = icon('M4 5h16v11H8l-4 4V5zM12 8v4M12 14h.01');
export const PaidIcon = icon('M12 3v18M17 7H9.5a2.5 2.5 0 0 0 0 5h5a2.5 2.5 0 0 1 0 5H6');
export const BulletinIcon = icon('M4 5h16v14H4zM8 9h8M8 13h8M8 17h5');
export const PassIcon = icon('M4 7h16v12H4zM9 7V5h6v2M8 12h8M8 16h5');
export const RoomIcon = icon('M4 21V5a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v16M9 21v-5h6v5M8 7h2M14 7h2M8 11h2M14 11h2');
